from django.db import models


class ConsentRecord(models.Model):
    """One decision a visitor took, as the elements POST it: the proof of
    consent (or refusal) the CNIL asks a site to be able to show."""

    ACTIONS = [
        ('accept-all', 'Accept all'),
        ('reject-all', 'Reject all'),
        ('save', 'Save choices'),
        # A vendor allowed from its embedded content's placeholder.
        ('grant', 'Grant a vendor'),
        ('reset', 'Reset'),
    ]

    # The random id the elements also store in the decision cookie: it links
    # the cookie a visitor holds to this row, and makes a resent POST harmless.
    decision_id = models.CharField(max_length=64, unique=True)
    # When the visitor decided, by the browser's clock.
    timestamp = models.DateTimeField()
    # The inventory's revision the decision was taken against ('' for none).
    revision = models.CharField(max_length=64, blank=True)
    categories = models.JSONField()
    # Vendor id -> granted, every vendor of the inventory ({} without any).
    vendors = models.JSONField(default=dict, blank=True)
    # Whether the browser sent Global Privacy Control when the visitor decided
    # (as its page saw it, `navigator.globalPrivacyControl`): the decision
    # then refused what the signal covers unless the visitor switched it on.
    gpc = models.BooleanField(default=False)
    # Whether the POST itself came with `Sec-GPC: 1`, as the server saw it: the
    # signal the laws name, observed by the site rather than reported by the
    # page, at the moment the decision arrived.
    sec_gpc = models.BooleanField(default=False)
    action = models.CharField(max_length=16, choices=ACTIONS)
    # A hash of the inventory (texts included) the visitor was shown.
    inventory_hash = models.CharField(max_length=128)
    url = models.CharField(max_length=2000)
    user_agent = models.CharField(max_length=512, blank=True)
    # When the server received it, by the server's clock.
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ['-created_at']

    def __str__(self):
        gpc = ' GPC' if self.gpc or self.sec_gpc else ''
        return f'{self.decision_id} {self.action} {self.timestamp:%Y-%m-%d %H:%M}{gpc}'
