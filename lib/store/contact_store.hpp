// The contacts side of the store: what reps log (one at a time or imported), voiding and re-tagging, and
// the reads that hand contacts back whole (a customer's history, tagged contacts, an export).
#pragma once

#include "core/result.hpp"
#include "store/types.hpp"

#include <functional>
#include <string>
#include <vector>

namespace keqing::store {

class ContactStore {
  public:
    virtual ~ContactStore() = default;

    virtual Result<int64_t> add_contact(const Contact& contact) = 0;
    // Inserts many contacts (an import's batch; their ids are not needed) and returns how many it stored: a
    // contact whose customer has one with the same ref already is left out.
    virtual Result<size_t> add_contacts(const std::vector<Contact>& contacts) = 0;
    // Inside a write transaction, before add_contacts() stores about `rows` contacts: the store may make
    // ready for a big load (on SQLite, a larger page cache and, when the load is at least half as large as
    // the contacts stored so far, the contacts' non-unique indexes dropped to be built once at the end; when
    // it is smaller but still large, its rows held in a temporary table and stored at the end in the order
    // of the indexes). end_load() puts everything back (the indexes built again over every row, the held
    // rows stored); it must be called before the load reads contacts back, and before the transaction
    // commits. It answers how many of the contacts add_contacts() counted as stored it left out (a ref
    // stored already). Rolling back undoes both.
    virtual Result<void> begin_load(size_t /*rows*/) { return {}; }
    virtual Result<size_t> end_load() { return size_t{0}; }
    // Called just before the write transaction of a load whose caller checks every row's customer and rep
    // against what that transaction reads (nothing deletes either): SQLite then leaves out its own
    // foreign-key lookups, two per row, for that one transaction.
    virtual void checked_load_next() {}
    // The earlier imports of a file's content (by hash), newest first. Inside a write transaction it also
    // makes any other import of the same content wait until this transaction ends.
    virtual Result<std::vector<ImportRecord>> claim_import(const std::string& hash) = 0;
    // Records an import (its time and login are the store's to fill on a server).
    virtual Result<void> record_import(const ImportRecord& record) = 0;
    virtual Result<std::optional<Contact>> find_contact(int64_t id) = 0;
    virtual Result<void> void_contact(int64_t id, const std::string& reason, const std::string& at) = 0;
    // Changes contact `id`'s occasion tag ('' removes it), recording the tag before and after, `login` and
    // `at` (schemas/008; on a server, its login and clock).
    virtual Result<void> retag_contact(int64_t id, const std::string& occasion, const std::string& login,
                                       const std::string& at) = 0;
    // A customer's contacts (voided included) in [from, to], oldest first.
    virtual Result<std::vector<Contact>> customer_contacts(int64_t customer_id, core::Date from,
                                                           core::Date to) = 0;
    // The ids of the contacts these reps logged in [from, to] (late ones included, voided ones not), in no
    // order: read from an index alone, for telling whether a pass at some customers already saw them all.
    // Those at the customers `seen` (sorted: the pass's) may be left out — a store that reads a rep's
    // contacts through its customers need not read theirs again; SQLite's index has no customer.
    virtual Result<std::vector<int64_t>> contact_ids_of_reps(core::Date from, core::Date to,
                                                             const std::vector<std::string>& reps,
                                                             const std::vector<int64_t>& seen = {}) = 0;
    // Contacts in [from, to] tagged with an occasion (voided included), of the customers `filter` allows,
    // oldest first.
    virtual Result<std::vector<Contact>> tagged_contacts(core::Date from, core::Date to,
                                                         const Scope& filter) = 0;
    // The contacts `query` asks for, handed to `visit` one at a time as they are read (a history or export
    // of any size never sits in memory), by day, time and number.
    virtual Result<void> each_contact(const ContactQuery& query,
                                      const std::function<Result<void>(const Contact&)>& visit) = 0;
    // The contact rep `rep` logged last (the highest number: numbers grow as contacts are stored) among those
    // logged at or after `since` (YYYY-MM-DDTHH:MM) and not voided, if any.
    virtual Result<std::optional<Contact>> last_logged(const std::string& rep, const std::string& since) = 0;
    // Every contact in [from, to] (voided included), for export and reports, oldest first.
    virtual Result<std::vector<Contact>> contacts_between(core::Date from, core::Date to) = 0;
};

} // namespace keqing::store
