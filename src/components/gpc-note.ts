/**
 * The banner's note that Global Privacy Control is honoured. A module of its
 * own, fetched by the rules of vendors, storage and the signal
 * (vendor-rules.ts) only when the browser sends the signal and the inventory
 * marks something for it. Its text comes with the dialog's and the table's
 * texts (`<code>.details.js`): loading the note asks for them.
 */
import { msg, useDetailTexts } from '../i18n/localize.js';

useDetailTexts();

export function gpcBannerNote(): string {
  return msg(
    'Your browser asks us not to sell or share your data (Global Privacy Control). We honour it: the cookies it covers stay off unless you switch them on yourself.',
    {
      id: 'gpc.banner-note',
      desc: 'In the cookie banner, shown only when the browser sends the Global Privacy Control signal',
    },
  );
}
