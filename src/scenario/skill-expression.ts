// URS-style target skill expressions (`sales > 3 & english > 0`, `sitex(GEO_LOCATION) & English`), compiled once
// into a tree of closures so routing evaluates them without re-parsing.
//
//   or      := and ('|' and)*
//   and     := unary ('&' unary)*
//   unary   := '!' unary | primary
//   primary := '(' or ')' | 'sitex' '(' site ')' | skill op number | skill      (bare skill: level > 0)
//   op      := '>' | '>=' | '=' | '<' | '<=' | '!='

export interface SkillExpression {
  readonly source: string;
  /** skill names referenced, in order of first appearance */
  readonly skills: readonly string[];
  /** literal site ids named in sitex(...), in order of first appearance */
  readonly sitesNamed: readonly string[];
  /** whether sitex(GEO_LOCATION) appears */
  readonly usesGeoLocation: boolean;
  matches(agentSkills: Readonly<Record<string, number>>, agentSite: string, callSite: string): boolean;
}

/** A syntax error; `offset` is the 0-based index in the source where it was found. */
export class SkillExpressionError extends Error {
  readonly offset: number;
  readonly source: string;
  constructor(message: string, offset: number, source: string) {
    super(message);
    this.name = "SkillExpressionError";
    this.offset = offset;
    this.source = source;
  }
}

export const GEO_LOCATION = "GEO_LOCATION";
export const SKILL_NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_.-]*$";

type Pred = (skills: Readonly<Record<string, number>>, agentSite: string, callSite: string) => boolean;
type Op = ">" | ">=" | "=" | "<" | "<=" | "!=";

const IDENT = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const SITE_ARG = /[A-Za-z0-9_-]+/y;
const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const EXPECT_OPERAND = "a skill name, '!', '(' or sitex(...)";

/** characters; a real target is a few dozen, and an expression is evaluated on every routing attempt */
export const MAX_EXPRESSION_LENGTH = 4096;
/** levels of '(' and '!' inside one another; the parser recurses once per level, so this bounds its stack */
export const MAX_EXPRESSION_DEPTH = 32;

// typeof guards both a missing skill and inherited Object.prototype members (a skill called "constructor")
function comparison(name: string, op: Op, n: number): Pred {
  switch (op) {
    case ">": return (s) => { const v = s[name]; return typeof v === "number" && v > n; };
    case ">=": return (s) => { const v = s[name]; return typeof v === "number" && v >= n; };
    case "=": return (s) => { const v = s[name]; return typeof v === "number" && v === n; };
    case "<": return (s) => { const v = s[name]; return typeof v === "number" && v < n; };
    case "<=": return (s) => { const v = s[name]; return typeof v === "number" && v <= n; };
    case "!=": return (s) => { const v = s[name]; return typeof v === "number" && v !== n; };
  }
}

// a chain of '|' (or '&') is one loop over its terms, not a closure per term: a long `a|a|a|...` would otherwise
// nest as deep as it is long and overflow the stack when routing evaluates it
function anyOf(terms: readonly Pred[]): Pred {
  if (terms.length === 1) return terms[0]!;
  return (sk, a, c) => {
    for (let k = 0; k < terms.length; k++) if (terms[k]!(sk, a, c)) return true;
    return false;
  };
}

function allOf(terms: readonly Pred[]): Pred {
  if (terms.length === 1) return terms[0]!;
  return (sk, a, c) => {
    for (let k = 0; k < terms.length; k++) if (!terms[k]!(sk, a, c)) return false;
    return true;
  };
}

class Parser {
  private i = 0;
  private depth = 0;
  // Sets, so that an expression naming many distinct skills is not quadratic to parse; order of first appearance
  readonly skills = new Set<string>();
  readonly sites = new Set<string>();
  usesGeo = false;

  constructor(private readonly s: string) {}

  parse(): Pred {
    this.ws();
    if (this.i >= this.s.length) throw this.fail("empty expression: expected " + EXPECT_OPERAND);
    const p = this.or();
    this.ws();
    if (this.i < this.s.length) {
      throw this.fail(`unexpected ${this.shown()}: expected '&', '|' or the end of the expression`);
    }
    // checked once the parse (linear, its depth bounded) has said what else is wrong, which is the likelier slip
    if (this.s.length > MAX_EXPRESSION_LENGTH) {
      this.i = 0;
      throw this.fail(`longer than ${MAX_EXPRESSION_LENGTH} characters (${this.s.length}): write a shorter expression`);
    }
    return p;
  }

  private or(): Pred {
    const terms = [this.and()];
    for (;;) {
      this.ws();
      if (this.s[this.i] !== "|") return anyOf(terms);
      if (this.s[this.i + 1] === "|") throw this.fail("'||' is not an operator: write a single '|' for or");
      this.i++;
      terms.push(this.and());
    }
  }

  private and(): Pred {
    const terms = [this.unary()];
    for (;;) {
      this.ws();
      if (this.s[this.i] !== "&") return allOf(terms);
      if (this.s[this.i + 1] === "&") throw this.fail("'&&' is not an operator: write a single '&' for and");
      this.i++;
      terms.push(this.unary());
    }
  }

  /** one more level of '(' or '!': refused past MAX_EXPRESSION_DEPTH, before the stack can run out */
  private deeper(): void {
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      throw this.fail(`nested deeper than ${MAX_EXPRESSION_DEPTH} levels of '(' and '!': write a flatter expression`);
    }
  }

  private unary(): Pred {
    this.ws();
    if (this.s[this.i] === "!") {
      this.deeper();
      this.i++;
      const p = this.unary();
      this.depth--;
      return (sk, a, c) => !p(sk, a, c);
    }
    return this.primary();
  }

  private primary(): Pred {
    this.ws();
    const start = this.i;
    if (this.s[this.i] === "(") {
      this.deeper();
      this.i++;
      const p = this.or();
      this.depth--;
      this.ws();
      if (this.s[this.i] !== ")") {
        throw this.fail(`expected ')' to close the '(' at character ${start + 1}, got ${this.shown()}`);
      }
      this.i++;
      return p;
    }
    const name = this.match(IDENT);
    if (name === undefined) throw this.fail(`expected ${EXPECT_OPERAND}, got ${this.shown()}`);
    if (name === "sitex") {
      this.ws();
      if (this.s[this.i] === "(") return this.sitex();
    }
    this.ws();
    const op = this.op();
    if (op === undefined) {
      this.addSkill(name);
      return comparison(name, ">", 0);
    }
    this.ws();
    const num = this.match(NUMBER);
    if (num === undefined) throw this.fail(`expected a number after '${op}', got ${this.shown()}`);
    this.addSkill(name);
    return comparison(name, op, Number(num));
  }

  private sitex(): Pred {
    this.i++; // '('
    this.ws();
    const arg = this.match(SITE_ARG);
    if (arg === undefined) throw this.fail(`expected GEO_LOCATION or a site id inside sitex(...), got ${this.shown()}`);
    this.ws();
    if (this.s[this.i] !== ")") throw this.fail(`expected ')' after sitex(${arg}, got ${this.shown()}`);
    this.i++;
    if (arg === GEO_LOCATION) {
      this.usesGeo = true;
      return (_s, agentSite, callSite) => agentSite === callSite;
    }
    this.sites.add(arg);
    return (_s, agentSite) => agentSite === arg;
  }

  private op(): Op | undefined {
    const two = this.s.slice(this.i, this.i + 2);
    if (two === ">=" || two === "<=" || two === "!=") {
      this.i += 2;
      return two;
    }
    if (two === "==") {
      this.i += 2;
      return "=";
    }
    const one = this.s[this.i];
    if (one === ">" || one === "<" || one === "=") {
      this.i++;
      return one;
    }
    return undefined;
  }

  private addSkill(name: string): void {
    this.skills.add(name);
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (m === null) return undefined;
    this.i = re.lastIndex;
    return m[0];
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private shown(): string {
    return this.i >= this.s.length ? "the end of the expression" : `'${this.s[this.i]}'`;
  }

  private fail(message: string): SkillExpressionError {
    return new SkillExpressionError(message, Math.min(this.i, this.s.length), this.s);
  }
}

/** Parses once; throws SkillExpressionError (with the character offset) on a syntax error. */
export function compileSkillExpression(src: string): SkillExpression {
  const parser = new Parser(src);
  const pred = parser.parse();
  return Object.freeze({
    source: src,
    skills: Object.freeze([...parser.skills]),
    sitesNamed: Object.freeze([...parser.sites]),
    usesGeoLocation: parser.usesGeo,
    matches: pred,
  });
}
