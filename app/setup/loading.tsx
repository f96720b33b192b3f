export { default } from "../(auth)/loading";
