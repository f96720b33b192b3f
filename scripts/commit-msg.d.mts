export declare const SUBJECT_MAX: number;
export declare function commitMessageProblems(text: string): string[];
