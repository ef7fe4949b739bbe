from django.db import models


class ConsentRecord(models.Model):
    """One decision a visitor took, as the elements POST it: the proof of
    consent (or refusal) the CNIL asks a site to be able to show. No IP
    address, no account: the decision id links it to the visitor's cookie."""

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
    # When the visitor decided, by the browser's clock (within a day of the server's).
    timestamp = models.DateTimeField()
    # The inventory's revision the decision was taken against ('' for none).
    revision = models.CharField(max_length=64, blank=True)
    # Category id -> granted, every category of the inventory.
    categories = models.JSONField()
    # Vendor id -> granted, every vendor of the inventory ({} without any).
    vendors = models.JSONField(default=dict, blank=True)
    # Whether the browser sent Global Privacy Control when the visitor decided,
    # as its page saw it (`navigator.globalPrivacyControl`).
    gpc = models.BooleanField(default=False)
    # Whether the POST itself came with `Sec-GPC: 1`, as the server saw it.
    sec_gpc = models.BooleanField(default=False)
    action = models.CharField(max_length=16, choices=ACTIONS)
    # A hash of the inventory (texts included) the visitor was shown.
    inventory_hash = models.CharField(max_length=128)
    # The page the decision was taken on, without query or fragment.
    url = models.CharField(max_length=2000)
    user_agent = models.CharField(max_length=512, blank=True)
    # When the server received it, by the server's clock: what retention counts from.
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ['-created_at']
        verbose_name = 'consent record'

    def __str__(self):
        gpc = ' GPC' if self.gpc or self.sec_gpc else ''
        return f'{self.decision_id} {self.action} {self.timestamp:%Y-%m-%d %H:%M}{gpc}'
