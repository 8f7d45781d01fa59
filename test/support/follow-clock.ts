/**
 * Jest setup for projects whose code under test reads the machine clock (pages in jsdom, the weapp
 * build): its `new Date()` is the local stack's now, so QUNHUO_NOW moves it with the cloud and seed.
 */
import { followClock } from '../../tools/local-cloud/clock'

globalThis.Date = followClock(globalThis.Date)
