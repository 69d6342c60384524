CREATE INDEX "accounts_website_trgm_idx" ON "accounts" USING gin ("website" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "accounts_phone_trgm_idx" ON "accounts" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "accounts_city_trgm_idx" ON "accounts" USING gin ("city" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "accounts_credit_code_trgm_idx" ON "accounts" USING gin ("credit_code" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_trgm_idx" ON "contacts" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_wechat_trgm_idx" ON "contacts" USING gin ("wechat" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_title_trgm_idx" ON "contacts" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "leads_email_trgm_idx" ON "leads" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "leads_wechat_trgm_idx" ON "leads" USING gin ("wechat" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunities_next_step_trgm_idx" ON "opportunities" USING gin ("next_step" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunities_campaign_trgm_idx" ON "opportunities" USING gin ("campaign" gin_trgm_ops);