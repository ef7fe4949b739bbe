import { msg } from '../i18n/localize.js';

// The banner and the dialog name their two decisions in the same words, which
// the visitor meets in both: one translation each, in the banner's texts.

/** "Accept all": grants every category. */
export function acceptAllLabel(): string {
  return msg('Accept all', {
    id: 'action.accept-all',
    desc: 'Button that grants every cookie category',
  });
}

/** "Reject all": refuses every optional category, with the same weight as "Accept all". */
export function rejectAllLabel(): string {
  return msg('Reject all', {
    id: 'action.reject-all',
    desc: 'Button that refuses every optional cookie category; same weight as Accept all',
  });
}
