from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from .models import Patient


@shared_task
def purge_expired_patients():
    """每日清理两年前的体检记录"""
    cutoff = timezone.now() - timedelta(days=730)
    Patient.objects.filter(created_at__lt=cutoff).delete()
