// Erlang C (M/M/c) and Erlang A (M/M/c+M) closed forms: the analytic staffing a sizing search starts from, and the
// textbook answers its tests compare with. Rates are per second; T and waits in seconds.

export interface QueueMeasures {
  /** probability an arrival finds every agent busy */
  readonly probWait: number;
  /** share of arrivals answered within T (abandoned and never-answered calls count against it) */
  readonly serviceLevel: number;
  /** mean wait of answered calls */
  readonly asa: number;
  /** mean wait over all arrivals (an abandoned call counts its time until it left) */
  readonly meanWait: number;
  readonly abandonRate: number;
  /** agent time busy over agent time */
  readonly occupancy: number;
}

/** Erlang B blocking for c servers and offered load a = lambda/mu, by the stable recursion. */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C probability of waiting; 1 when the load is at or above c (the queue grows without bound). */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c with infinite patience. Unstable loads (a >= c) give service level 0 and infinite waits. */
export function erlangCMeasures(c: number, lambda: number, mu: number, T: number): QueueMeasures {
  const a = lambda / mu;
  if (a >= c) {
    return { probWait: 1, serviceLevel: 0, asa: Infinity, meanWait: Infinity, abandonRate: 0, occupancy: 1 };
  }
  const C = erlangC(c, a);
  const wq = C / (c * mu - lambda);
  return {
    probWait: C,
    serviceLevel: 1 - C * Math.exp(-(c * mu - lambda) * T),
    asa: wq,
    meanWait: wq,
    abandonRate: 0,
    occupancy: a / c,
  };
}

/**
 * M/M/c+M (Erlang A), patience exponential with rate theta: the birth-death chain of the number in system, truncated
 * where its probabilities become negligible. Service level by uniformization of the tagged caller's way to an agent:
 * with j callers ahead, one leaves the queue at rate c*mu + j*theta, and the caller abandons at rate theta.
 * asa is approximated by the mean wait of all arrivals (which counts abandoned callers' shorter waits too).
 */
export function erlangAMeasures(c: number, lambda: number, mu: number, theta: number, T: number): QueueMeasures {
  if (theta <= 0) return erlangCMeasures(c, lambda, mu, T);
  // unnormalized pi_n, built in log space: long queues of large centers overflow otherwise
  const logPi: number[] = [0];
  let maxLog = 0;
  for (let n = 1; ; n++) {
    const death = Math.min(n, c) * mu + Math.max(n - c, 0) * theta;
    const l = logPi[n - 1]! + Math.log(lambda) - Math.log(death);
    logPi.push(l);
    maxLog = Math.max(maxLog, l);
    if (n > c && l < maxLog - 40) break;
  }
  const w = logPi.map((l) => Math.exp(l - maxLog));
  const total = w.reduce((s, x) => s + x, 0);
  const pi = w.map((x) => x / total);
  const N = pi.length - 1;
  let probWait = 0;
  let queue = 0;
  for (let n = c; n <= N; n++) {
    probWait += pi[n]!;
    queue += (n - c) * pi[n]!;
  }
  const abandonRate = (theta * queue) / lambda;

  // u[j]: probability that a caller with j ahead reaches an agent within T
  const K = N - c;
  const Lambda = c * mu + K * theta + theta;
  const x = Lambda * T;
  let v = new Float64Array(K + 2); // v[0]: served (absorbing); v[1 + j]: j callers ahead
  v[0] = 1;
  const u = new Float64Array(K + 1);
  let logP = -x; // log Poisson(0; x)
  const nMax = Math.ceil(x + 12 * Math.sqrt(x) + 20);
  for (let n = 0; n <= nMax; n++) {
    const p = Math.exp(logP);
    for (let j = 0; j <= K; j++) u[j]! += p * v[1 + j]!;
    const next = new Float64Array(K + 2);
    next[0] = 1;
    for (let j = 0; j <= K; j++) {
      const down = c * mu + j * theta;
      const to = j === 0 ? v[0]! : v[j]!;
      next[1 + j] = (down / Lambda) * to + (1 - (down + theta) / Lambda) * v[1 + j]!;
    }
    v = next;
    logP += Math.log(x) - Math.log(n + 1);
  }
  let serviceLevel = 0;
  for (let n = 0; n < Math.min(c, N + 1); n++) serviceLevel += pi[n]!;
  for (let j = 0; j <= K; j++) serviceLevel += pi[c + j]! * u[j]!;

  return {
    probWait,
    serviceLevel,
    asa: queue / lambda,
    meanWait: queue / lambda,
    abandonRate,
    occupancy: (lambda * (1 - abandonRate)) / (c * mu),
  };
}
