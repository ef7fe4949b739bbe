// The table's module in the script-tag build: defines <cookie-table>.
import { defineElement } from '../../define.js';
import { CookieTable } from './cookie-table.js';

defineElement('cookie-table', CookieTable);
