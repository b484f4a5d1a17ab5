import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 商城会员 */
@Entity('mall_member')
export class Member {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'nick_name', length: 64, comment: '昵称' })
  nickName!: string;

  @Column({ name: 'mobile', length: 20, comment: '手机号' })
  mobile!: string;

  @Column({ name: 'email', length: 128, nullable: true, comment: '电子邮箱' })
  email!: string;

  // @pi delete
  @Column({ name: 'birthday', type: 'date', nullable: true, comment: '生日' })
  birthday!: Date;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
