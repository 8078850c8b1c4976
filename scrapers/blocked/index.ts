export { detectBotWall } from './bot-wall';
export type { BotWall, BotWallEvidence, BotWallVendor, HeaderValues } from './bot-wall';
