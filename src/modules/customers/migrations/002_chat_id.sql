-- The customer's id on the chat channel (WeChat openid, a chat gateway's user id …): where a chat notice goes.
ALTER TABLE customers ADD COLUMN chat_id text CHECK (length(chat_id) BETWEEN 1 AND 128);
