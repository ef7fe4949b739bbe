// JSON files the catalog imports (the custom-elements manifest, the seed
// inventory): Vite parses them; the code that reads them says what it expects.
declare module '*.json' {
  const value: unknown;
  export default value;
}
