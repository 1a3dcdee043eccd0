/** The URL of the app's icon sprite (web/build/icon-sprite.ts). */
declare module 'virtual:incas-icon-sprite' {
  const url: string;
  export default url;
}
