// The embed's module in the script-tag build: defines <cookie-embed>.
import { defineElement } from '../../define.js';
import { CookieEmbed } from './cookie-embed.js';

defineElement('cookie-embed', CookieEmbed);
