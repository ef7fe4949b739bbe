"""A Django app for the cookie-consent-elements web components.

`INSTALLED_APPS += ['cookie_consent_elements']`, the middleware
`cookie_consent_elements.middleware.ConsentMiddleware`, the URLs
`path('', include('cookie_consent_elements.urls'))`, the setting
`COOKIE_CONSENT_INVENTORY`, and `{% load cookie_consent %}` in templates.
"""
