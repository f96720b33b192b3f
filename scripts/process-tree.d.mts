export declare function childPids(pid: number): number[];
export declare function cpuTimeMs(pid: number): number;
