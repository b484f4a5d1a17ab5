import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Member } from './member.entity';

/** 会员收货地址 */
@Entity('member_address')
export class MemberAddress {
  @PrimaryGeneratedColumn()
  id!: number;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  member!: Member;

  // @pi retain 3y
  @Column({ name: 'receiver_name', length: 50, comment: '收货人姓名' })
  receiverName!: string;

  // @pi transfer
  @Column({ name: 'receiver_phone', length: 20, comment: '收货人手机号' })
  receiverPhone!: string;

  // @pi transfer to="Example Logistics Pte. Ltd., Singapore" contact="dpo@example.sg"
  @Column({ name: 'detail_address', length: 255, comment: '详细地址' })
  detailAddress!: string;

  // @pi purge
  @Column({ name: 'postal_code', length: 10, comment: '邮编' })
  postalCode!: string;
}
