/**
 * The banner's note that Global Privacy Control is honoured, part of the
 * rules of vendors, storage and the signal (vendor-rules.ts): a site whose
 * inventory marks nothing for the signal never downloads it. Its text comes
 * with the dialog's and the table's texts (`<code>.details.js`), which those
 * rules ask for when the note is to be shown.
 */
import { msg } from '../i18n/localize.js';

export function gpcBannerNote(): string {
  return msg(
    'Your browser asks us not to sell or share your data (Global Privacy Control). We honour it: the cookies it covers stay off unless you switch them on yourself.',
    {
      id: 'gpc.banner-note',
      desc: 'In the cookie banner, shown only when the browser sends the Global Privacy Control signal',
    },
  );
}
