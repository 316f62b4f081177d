/** This copy's version; `define` names it when another copy already holds a tag. Kept equal to package.json by a test. */
export const VERSION = '0.1.0';
