import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 订单 */
@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'receiver_name', comment: '收货人姓名' })
  receiverName!: string;

  @Column({ name: 'receiver_phone', comment: '收货人手机号' })
  receiverPhone!: string;

  @Column({ name: 'total_amount', type: 'decimal', comment: '订单金额' })
  totalAmount!: number;

  @Column({ name: 'pay_trade_no', comment: '支付流水号' })
  payTradeNo!: string;
}
