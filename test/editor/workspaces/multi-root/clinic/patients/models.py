from django.db import models


class Patient(models.Model):
    """体检人员"""

    name = models.CharField("姓名", max_length=50)
    id_number = models.CharField("身份证号", max_length=18)
    blood_type = models.CharField("血型", max_length=4, blank=True)
    allergy_history = models.TextField("过敏史", blank=True)
    # @pi transfer to="上海示例健康管理有限公司" contact="privacy@example.com" basis="个人信息保护法 第二十二条"
    exam_report = models.TextField("体检报告", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "clinic_patient"
