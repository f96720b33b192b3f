// UI primitives shared by every page. Server-safe except SubmitButton and ActionButton (client components).
export { ActionButton } from "./action-button";
export { ActionForm, CreateForm } from "./action-form";
export { Alert } from "./alert";
export { Badge, type BadgeTone } from "./badge";
export { Button, buttonClasses, type ButtonVariant } from "./button";
export { Card, CardBody, CardHeader } from "./card";
export { cn } from "./cn";
export { EmptyPage, EmptyState } from "./empty-state";
export { Field, PasswordField, TextField } from "./field";
export { FormError, FormOutcome } from "./form-error";
export { Input, Options, Select, Textarea } from "./input";
export { PageHeader } from "./page-header";
export { PageLinks } from "./page-links";
export { PageSkeleton, Skeleton } from "./skeleton";
export { StatTile } from "./stat-tile";
export { SubmitButton } from "./submit-button";
export { type ColumnHeader, HeaderRow, Table, TBody, Td, Th, THead, Tr } from "./table";
