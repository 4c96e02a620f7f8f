// A `.lua` file imports as its text (tsup `loader: { '.lua': 'text' }`; the test config's lua-text plugin).
declare module '*.lua' {
  const source: string;
  export default source;
}
