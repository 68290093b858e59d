-- Cathalog Sync, JPA module: schema version 2 for PostgreSQL (12 and later), after V1__cathalog.sql.
-- Scale-out: fencing of state writes, and a journal whose open intents are found without reading
-- its history (so that it can grow, and be pruned by a retention rule).

-- ---------------------------------------------------------------- fencing (JpaSyncStateStore.fenced)
-- Per account, the newest lease fence a state write carried; writes with an older one are refused
-- in the same transaction.

create table cathalog_fence (
    account_id varchar(200) not null,
    fence bigint not null,
    primary key (account_id)
);

-- ---------------------------------------------------------------- open intents (JpaSyncStateStore.unfinished)
-- open_intent is true on an intent until its outcome (or a repeat of it) is journaled.

alter table cathalog_journal add column open_intent boolean default false not null;

update cathalog_journal set open_intent = true
where outcome is null
  and not exists (select 1 from cathalog_journal later
                  where later.account_id = cathalog_journal.account_id and later.run_id = cathalog_journal.run_id
                    and later.entity = cathalog_journal.entity and later.item_key = cathalog_journal.item_key
                    and later.action = cathalog_journal.action and later.id > cathalog_journal.id);

-- A partial index: only open intents are in it, so it stays small however long the journal.
create index cathalog_journal_open on cathalog_journal (account_id, id) where open_intent;
