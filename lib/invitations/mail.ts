import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { Locale } from "../i18n/locale";
import { format } from "../i18n/messages";

/** What the invitation service needs from a mail sender (nodemailer over SMTP in the app). */
export type Mailer = { send(message: { to: string; subject: string; text: string }): Promise<void>; close(): void };

/** A pooled SMTP sender for one batch of invitations, from SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for TLS). */
export function smtpMailer(url: string, from: string): Mailer {
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  const options: SMTPPool.Options = {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    pool: true,
    maxConnections: 3,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  };
  const transport = nodemailer.createTransport(options, { from });
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close: () => transport.close(),
  };
}

type MailText = { subject: string; reminderSubject: string; body: string; reminderIntro: string; closes: string };

const TEXT: Record<Locale, MailText> = {
  en: {
    subject: "{org}: a short digital skills survey",
    reminderSubject: "Reminder — {org}: a short digital skills survey",
    body:
      "Hello,\n\n{org} invites you to a digital skills self-assessment: {items} questions, about {minutes} minutes, in English, 简体中文 or 繁體中文. " +
      "At the end you get a personal report with what to learn next.\n\n" +
      "Your answers are anonymous: your response is not linked to this invitation, and {org} only sees results for groups of at least {min} people.\n\n" +
      "Your personal link (please do not forward it; it counts one response):\n{link}\n\n{closes}Thank you.",
    reminderIntro: "We have not received your answers yet — there is still time.\n\n",
    closes: "The survey closes on {date}.\n\n",
  },
  "zh-Hans": {
    subject: "{org}：一份简短的数字技能问卷",
    reminderSubject: "提醒 — {org}：一份简短的数字技能问卷",
    body:
      "您好：\n\n{org} 邀请您参加数字技能自我评估：共 {items} 道题，约 {minutes} 分钟，可使用 English、简体中文或繁體中文作答。完成后您会得到一份个人报告，告诉您下一步该学什么。\n\n" +
      "您的答案是匿名的：答卷不会与此邀请关联，{org} 只能看到至少 {min} 人的群组结果。\n\n" +
      "您的个人链接（请勿转发；仅计一份答卷）：\n{link}\n\n{closes}谢谢！",
    reminderIntro: "我们尚未收到您的答卷——现在作答还来得及。\n\n",
    closes: "问卷将于 {date} 截止。\n\n",
  },
  "zh-Hant": {
    subject: "{org}：一份簡短的數位技能問卷",
    reminderSubject: "提醒 — {org}：一份簡短的數位技能問卷",
    body:
      "您好：\n\n{org} 邀請您參加數位技能自我評估：共 {items} 題，約 {minutes} 分鐘，可使用 English、简体中文或繁體中文作答。完成後您會收到一份個人報告，告訴您下一步該學什麼。\n\n" +
      "您的答案是匿名的：問卷不會與此邀請連結，{org} 只會看到至少 {min} 人的群組結果。\n\n" +
      "您的個人連結（請勿轉寄；僅計一份問卷）：\n{link}\n\n{closes}謝謝！",
    reminderIntro: "我們尚未收到您的問卷——現在作答還來得及。\n\n",
    closes: "問卷將於 {date} 截止。\n\n",
  },
};

export type InvitationMailInput = {
  locale: Locale;
  org: string;
  link: string;
  items: number;
  minutes: number;
  min: number;
  closesAt: string | null;
  reminder: boolean;
};

export function invitationMail(input: InvitationMailInput): { subject: string; text: string } {
  const t = TEXT[input.locale];
  const closes = input.closesAt
    ? format(t.closes, { date: new Intl.DateTimeFormat(input.locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(input.closesAt)) })
    : "";
  // The organisation name is the admin's text; keep it on one line so it cannot forge headers or layout.
  const org = input.org.replace(/[\r\n]+/g, " ");
  const body = format(t.body, { org, items: input.items, minutes: input.minutes, min: input.min, link: input.link, closes });
  return {
    subject: format(input.reminder ? t.reminderSubject : t.subject, { org }),
    text: (input.reminder ? t.reminderIntro : "") + body,
  };
}
