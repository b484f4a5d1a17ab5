-- 人事系统 (MySQL 8) — 注销前盘点导出
CREATE TABLE `employee` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '主键',
  `emp_no` varchar(20) NOT NULL COMMENT '工号',
  `xm` varchar(50) NOT NULL COMMENT '姓名',
  `sfzh` varchar(18) DEFAULT NULL COMMENT '身份证号',
  `sjhm` varchar(20) DEFAULT NULL COMMENT '手机号码',
  `jtdz` varchar(255) DEFAULT NULL COMMENT '家庭住址',
  `hyzk` char(1) DEFAULT NULL COMMENT '婚姻状况',
  `dept_id` bigint DEFAULT NULL COMMENT '部门ID',
  `create_time` datetime DEFAULT CURRENT_TIMESTAMP COMMENT '创建时间',
  `del_flag` char(1) DEFAULT '0' COMMENT '删除标志(0正常 1删除)',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB COMMENT='员工花名册';

-- @pi retain 30y basis="会计档案管理办法 第十四条" then=destroy
CREATE TABLE `payroll` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `emp_no` varchar(20) NOT NULL COMMENT '工号',
  `gross_salary` decimal(10,2) COMMENT '应发工资',
  `salary_card_no` varchar(64) COMMENT '工资卡号(AES加密)',
  PRIMARY KEY (`id`)
) COMMENT='工资发放明细';

CREATE TABLE `warehouse` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(100) COMMENT '仓库名称',
  `phone` varchar(30) COMMENT '仓库电话',
  PRIMARY KEY (`id`)
) COMMENT='仓库';

INSERT INTO `employee` (`emp_no`, `xm`, `sfzh`, `sjhm`) VALUES ('E0001', '张三', '11010519491231002X', '13800138000');
