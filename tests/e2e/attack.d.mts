export declare function attackPage(): Promise<{ text: string; ranges: number; hostsBefore: number; hostsAfter: number }>;
