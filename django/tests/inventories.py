"""Inventories of the tests."""

SEED = {
    'categories': [
        {'id': 'necessary', 'required': True, 'label': {'fr': 'Nécessaires', 'en': 'Necessary'}},
        {'id': 'statistics', 'label': {'fr': 'Statistiques', 'en': 'Statistics'}},
    ],
    'cookies': [
        {
            'name': 'sessionid',
            'category': 'necessary',
            'provider': 'Opendatasoft',
            'service': 'Authentication',
            'purpose': 'Remember the user from one page to the next.',
            'duration': {'days': 14},
            'party': 'first',
        },
    ],
}

# Global Privacy Control and vendors: advertising is covered as a category;
# of the media vendors, vimeo is covered on its own and youtube is not; the
# payment provider is a vendor of the required category.
VENDORS = {
    'revision': 3,
    'categories': [
        {'id': 'necessary', 'required': True, 'label': 'Necessary'},
        {'id': 'statistics', 'label': 'Statistics'},
        {'id': 'advertising', 'label': 'Advertising', 'gpc': True},
        {'id': 'media', 'label': 'Media'},
    ],
    'vendors': [
        {'id': 'stripe', 'category': 'necessary', 'label': 'Stripe'},
        {'id': 'youtube', 'category': 'media', 'label': 'YouTube'},
        {'id': 'vimeo', 'category': 'media', 'label': 'Vimeo', 'gpc': True},
    ],
    'cookies': [],
}


def seed():
    """The callable COOKIE_CONSENT_INVENTORY names."""
    return SEED
