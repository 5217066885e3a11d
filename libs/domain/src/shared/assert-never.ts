/** Compile-time exhaustiveness: a switch over a union that reaches this has missed a case. */
export const assertNever = (value: never): never => {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
};
