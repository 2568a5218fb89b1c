// When a value rests on too few observations to chart: a share or mean of less than one interaction a replication
// (0.7 chats offered reads as a service level of 0% or 100%, and its interval spans nearly everything).

/** Fewer observations a replication than this (interactions offered or answered, reservation requests) and a share
 *  or mean of them is drawn hollow and grey, with no band or whisker, and the caption says so. */
export const FEW_OBSERVATIONS = 1;

export const isFew = (observations: number | undefined): boolean => (observations ?? 0) < FEW_OBSERVATIONS;
