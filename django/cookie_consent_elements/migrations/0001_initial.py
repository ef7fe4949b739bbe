from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name='ConsentRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('decision_id', models.CharField(max_length=64, unique=True)),
                ('timestamp', models.DateTimeField()),
                ('revision', models.CharField(blank=True, max_length=64)),
                ('categories', models.JSONField()),
                ('vendors', models.JSONField(blank=True, default=dict)),
                ('gpc', models.BooleanField(default=False)),
                ('sec_gpc', models.BooleanField(default=False)),
                (
                    'action',
                    models.CharField(
                        choices=[
                            ('accept-all', 'Accept all'),
                            ('reject-all', 'Reject all'),
                            ('save', 'Save choices'),
                            ('grant', 'Grant a vendor'),
                            ('reset', 'Reset'),
                        ],
                        max_length=16,
                    ),
                ),
                ('inventory_hash', models.CharField(max_length=128)),
                ('url', models.CharField(max_length=2000)),
                ('user_agent', models.CharField(blank=True, max_length=512)),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
            ],
            options={
                'verbose_name': 'consent record',
                'ordering': ['-created_at'],
            },
        ),
    ]
