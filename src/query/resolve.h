// What an answer adds to its claims: whether each certainly or only possibly meets the
// time filters, and which claim a resolution policy chooses, with why in words.
#pragma once

#include <vector>

#include "annals/query.h"

namespace annals::query {

/// Sets `certain` and `uncertainty` of `a` against the time filters of `q`.
void MarkCertainty(const ClaimQuery& q, ClaimAnswer& a);

/// Keeps, of each set of claims that state the same thing (see Resolution), the one
/// `policy` chooses, with `resolution` and `won_over` set; kAll keeps every claim.
void Resolve(Resolution policy, std::vector<ClaimAnswer>& answers);

}  // namespace annals::query
