// The dialog's module in the script-tag build: defines <cookie-preferences>
// and the <cookie-table> it shows each category's cookies with.
import { defineElement } from '../../define.js';
import '../cookie-table/cookie-table.define.js';
import { CookiePreferences } from './cookie-preferences.js';

defineElement('cookie-preferences', CookiePreferences);
