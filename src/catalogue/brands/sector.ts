/** Sector keys: lower-case words joined by hyphens (apparel, automotive, solar-energy). */
export const SECTOR_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
