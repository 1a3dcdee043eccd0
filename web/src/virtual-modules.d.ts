/** The URL of the app's icon sprite (web/build/icon-sprite.ts). */
declare module 'virtual:incas-icon-sprite' {
  const url: string;
  export default url;
}

/** The URLs of the map boundaries built from data-sources/boundaries (web/build/boundaries.ts). */
declare module 'virtual:incas-boundaries' {
  const boundaries: {
    regions: string;
    provinces: string;
    comuni: string;
    /** one Region's Comuni at full detail, by the Region's two-digit ISTAT code */
    comuniOfRegion: Record<string, string>;
  };
  export default boundaries;
}
