/**
 * The young generation of the service's worker threads (compare's alignment, each streaming export),
 * in MB. V8 sizes a thread's young generation as it would a whole process's (tens of MB, two
 * semi-spaces and their copies); these threads allocate in bursts of one plan or one page, so a small
 * young generation costs a few more scavenges and keeps each thread's resident memory near its
 * old-generation bound: the service stays under 500 MB with compares and 20 exports at once
 * (bench/hostile/availability.ts).
 */
export const YOUNG_HEAP_MB = 16;
