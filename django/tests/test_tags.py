"""The template tags, the inventory's sources and its revision."""
import json
import re
import tempfile
from pathlib import Path

from django.template import Context, Template
from django.test import RequestFactory, SimpleTestCase, TestCase, override_settings
from django.utils import translation
from django.utils.translation import gettext_lazy

from cookie_consent_elements.inventory import derived_revision, get_inventory

from helpers import cookie_value
from inventories import SEED, VENDORS


def render(source, request=None, **context):
    request = request or RequestFactory().get('/')
    return Template('{% load cookie_consent %}' + source).render(Context({'request': request, **context}))


def inventory_in(html):
    return json.loads(re.search(r'<script type="application/json">(.*?)</script>', html, re.S).group(1))


def decided():
    """A request from a visitor whose decision is in force."""
    return RequestFactory().get('/', HTTP_COOKIE=f'cookies_preferences={cookie_value()}')


class HeadTests(SimpleTestCase):
    def head(self, language, request=None):
        with translation.override(language):
            return render('{% cookie_consent_head %}', request or decided())

    def test_the_module_and_the_texts_of_the_language(self):
        self.assertEqual(
            self.head('fr'),
            '<script type="module" src="/static/cookie-consent/cookie-consent.js"></script>\n'
            '<link rel="modulepreload" href="/static/cookie-consent/locales/fr.js">\n',
        )

    def test_hydration_first_when_the_banner_is_rendered_on_the_server(self):
        html = self.head('fr', RequestFactory().get('/'))
        self.assertTrue(
            html.startswith(
                '<script type="module" src="/static/cookie-consent/hydrate.js"></script>\n'
                '<script type="module" src="/static/cookie-consent/cookie-consent.js"></script>\n'
            ),
            html,
        )

    def test_languages_as_the_elements_name_them(self):
        for django_code, file in [('fr-ca', 'fr'), ('pt-br', 'pt'), ('zh-hans', 'zh-Hans'), ('de_AT', 'de')]:
            with self.subTest(django_code=django_code):
                self.assertIn(f'/static/cookie-consent/locales/{file}.js"', self.head(django_code))

    def test_nothing_to_preload_for_english_or_an_unknown_language(self):
        for language in ['en', 'en-gb', 'xx']:
            with self.subTest(language=language):
                self.assertNotIn('modulepreload', self.head(language))

    def test_a_nonce_escaped(self):
        html = render('{% cookie_consent_head nonce=nonce %}', nonce='a"b')
        self.assertIn('<script type="module" src="/static/cookie-consent/hydrate.js" nonce="a&quot;b">', html)
        self.assertIn('<script type="module" src="/static/cookie-consent/cookie-consent.js" nonce="a&quot;b">', html)


class BannerTests(SimpleTestCase):
    def test_the_settings_as_attributes(self):
        html = render('{% cookie_consent_banner %}', decided())
        self.assertTrue(html.startswith(
            '<cookie-banner policy-href="/cookies/" consent-endpoint="/cookie-consent/records/" '
            'csrf-cookie="csrftoken" cookie-days="182" language-cookie="django_language">'
            '<script type="application/json">'
        ), html)
        self.assertEqual(inventory_in(html), {**SEED, 'revision': derived_revision(SEED)})

    @override_settings(
        LANGUAGE_COOKIE_NAME='site_lang',
        CSRF_COOKIE_NAME='site_csrf',
        COOKIE_CONSENT_COOKIE_NAME='__Host-decision',
        COOKIE_CONSENT_LIFETIME_DAYS=30,
        COOKIE_CONSENT_COOKIE_DOMAIN='example.fr',
        COOKIE_CONSENT_POLICY_URL='/charte-cookies/?a=1&b=2',
    )
    def test_names_from_the_settings(self):
        html = render('{% cookie_consent_banner position="top" reopen_button=True %}')
        for attribute in [
            'policy-href="/charte-cookies/?a=1&amp;b=2"',
            'csrf-cookie="site_csrf"',
            'cookie-days="30"',
            'cookie-domain="example.fr"',
            'language-cookie="site_lang"',
            'cookie-name="__Host-decision"',
            'position="top"',
            ' reopen-button ',
        ]:
            self.assertIn(attribute, html)
        self.assertNotIn('reload-on-withdraw', html)

    def test_everything_escaped(self):
        hostile = {
            'revision': 1,
            'categories': [{'id': 'necessary', 'required': True, 'label': '</script><script>alert(1)</script> & <!--'}],
        }
        with self.settings(COOKIE_CONSENT_INVENTORY=hostile):
            html = render('{% cookie_consent_banner position=position %}', position='"><script>')
        self.assertEqual(html.count('<script'), 1)
        self.assertEqual(html.count('</script>'), 1)
        self.assertIn('position="&quot;&gt;&lt;script&gt;"', html)
        self.assertEqual(inventory_in(html)['categories'][0]['label'], hostile['categories'][0]['label'])

    def test_sets_the_csrf_cookie_for_the_proofs(self):
        request = RequestFactory().get('/')
        render('{% cookie_consent_banner %}', request)
        self.assertTrue(request.META.get('CSRF_COOKIE_USED') or request.META.get('CSRF_COOKIE_NEEDS_UPDATE'))


class TableAndLinkTests(SimpleTestCase):
    def test_the_table(self):
        self.assertEqual(
            render('{% cookie_consent_table category="necessary" show_duration=True %}'),
            '<cookie-table category="necessary" show-duration language-cookie="django_language"></cookie-table>\n',
        )
        self.assertIn('vendor="a&lt;b&quot;"', render('{% cookie_consent_table vendor=\'a<b"\' %}'))
        self.assertIn('caption="&lt;i&gt;"', render('{% cookie_consent_table caption=caption %}', caption='<i>'))

    def test_the_manage_link(self):
        with translation.override('fr'):
            self.assertEqual(
                render('{% cookie_consent_manage_link %}'),
                '<a href="/cookies/" data-cookie-preferences>Gérer mes cookies</a>\n',
            )
        # The elements' own name for the preferences, in each of their languages.
        with translation.override('en'):
            self.assertIn('>Cookie preferences</a>', render('{% cookie_consent_manage_link %}'))
        with translation.override('de'):
            self.assertIn('>Cookies verwalten</a>', render('{% cookie_consent_manage_link %}'))
        with translation.override('pt-br'):
            self.assertIn('>Preferências de cookies</a>', render('{% cookie_consent_manage_link %}'))
        # A language the elements do not have: English, as they fall back.
        with translation.override('eo'):
            self.assertIn('>Cookie preferences</a>', render('{% cookie_consent_manage_link %}'))
        # Even a string the template marks safe (a literal) is escaped.
        self.assertIn('>&lt;b&gt;</a>', render('{% cookie_consent_manage_link "<b>" %}'))
        self.assertIn('>&lt;b&gt;</a>', render('{% cookie_consent_manage_link label %}', label='<b>'))

    @override_settings(COOKIE_CONSENT_POLICY_URL='admin:index')
    def test_a_url_name_for_the_policy(self):
        self.assertIn('href="/admin/"', render('{% cookie_consent_manage_link %}'))


class GrantedTagTests(SimpleTestCase):
    TEMPLATE = "{% consent_granted 'statistics' as ok %}{{ ok }} {{ request.consent.granted.statistics }}"

    def page(self, raw=None):
        headers = {'HTTP_COOKIE': f'cookies_preferences={raw}'} if raw else {}
        return render(self.TEMPLATE, RequestFactory().get('/', **headers))

    def test_with_and_without_consent(self):
        self.assertEqual(self.page(cookie_value()), 'True True')
        self.assertEqual(self.page(cookie_value(categories={'statistics': False})), 'False False')
        self.assertEqual(self.page(), 'False False')
        self.assertEqual(Template('{% load cookie_consent %}' + self.TEMPLATE).render(Context()), 'False ')


class InventorySourceTests(SimpleTestCase):
    def test_a_dict_a_json_file_a_callable_and_its_dotted_path(self):
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / 'inventory.json'
            path.write_text(json.dumps(SEED), encoding='utf-8')
            for source in [SEED, str(path), path, 'inventories.seed', lambda: SEED]:
                with self.subTest(source=source), self.settings(COOKIE_CONSENT_INVENTORY=source):
                    self.assertEqual(get_inventory().category_ids, ['necessary', 'statistics'])

    def test_a_revision_given_is_kept(self):
        self.assertEqual(get_inventory().revision, derived_revision(SEED))
        with self.settings(COOKIE_CONSENT_INVENTORY=VENDORS):
            self.assertEqual(get_inventory().revision, 3)

    def test_the_derived_revision_follows_purposes_and_vendors(self):
        base = derived_revision(SEED)
        relabelled = {**SEED, 'categories': [*SEED['categories'][:1], {'id': 'statistics', 'label': 'Stats'}]}
        with_vendor = {**SEED, 'vendors': [{'id': 'matomo', 'category': 'statistics'}]}
        more_cookies = {**SEED, 'cookies': SEED['cookies'] * 2}
        self.assertNotEqual(derived_revision(relabelled), base)
        self.assertNotEqual(derived_revision(with_vendor), base)
        self.assertEqual(derived_revision(more_cookies), base)
        self.assertLessEqual(len(base), 64)

    def test_lazy_translations_give_one_revision_in_every_language(self):
        lazy = {'categories': [{'id': 'necessary', 'required': True, 'label': gettext_lazy('Necessary')}]}
        with self.settings(COOKIE_CONSENT_INVENTORY=lazy):
            revisions = set()
            for language in ['fr', 'en', 'de']:
                with translation.override(language):
                    revisions.add(get_inventory().revision)
        self.assertEqual(len(revisions), 1)

    def test_a_broken_inventory_is_a_configuration_error(self):
        from django.core.exceptions import ImproperlyConfigured

        broken = [
            None,
            '/nowhere/inventory.json',
            'inventories.nothing',
            {'categories': []},
            {'categories': [{'id': 'a b'}]},
            {'categories': [{'id': 'a'}, {'id': 'a'}]},
            {'categories': [{'id': 'a'}], 'vendors': [{'id': 'v', 'category': 'b'}]},
            {'categories': [{'id': 'a'}], 'revision': 'r' * 65},
            {'categories': [{'id': 'a'}], 'revision': True},
        ]
        for source in broken:
            with self.subTest(source=source), self.settings(COOKIE_CONSENT_INVENTORY=source):
                with self.assertRaises(ImproperlyConfigured):
                    get_inventory()


class PageTests(TestCase):
    """The tags together in a page, as a site uses them."""

    def test_a_page(self):
        self.client.cookies['django_language'] = 'en'
        html = self.client.get('/page/').content.decode()
        self.assertIn('<html lang="en">', html)
        self.assertIn('<cookie-banner ', html)
        self.assertNotIn('id="statistics"', html)
        self.client.cookies['cookies_preferences'] = cookie_value()
        self.assertIn('<script id="statistics"></script>', self.client.get('/page/').content.decode())
