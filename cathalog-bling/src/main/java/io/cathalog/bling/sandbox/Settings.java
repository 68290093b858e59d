package io.cathalog.bling.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Everything the builder decided, immutable once the sandbox starts. */
record Settings(
        Clock clock,
        ZoneId blingZone,
        String host,
        int port,
        boolean autoApprove,
        boolean seedDemo,
        long seed,
        List<OAuthApp> apps,
        List<AccountSpec> accounts,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Duration codeLifetime,
        int requestsPerSecond,
        long dailyQuota,
        boolean rateLimits,
        int maxPageSize,
        int ipMaxErrors,
        int ipMaxRequests,
        Duration ipWindow,
        Duration ipBlock,
        int tokenMaxCalls,
        Duration tokenWindow,
        Duration tokenBlock,
        boolean enforceIpBlocks,
        int ipBlockStatus,
        Duration recentlyAddedWindow,
        Duration maxDateWindow,
        int requestLogCapacity,
        BlingSandbox.PageSizeAboveMax pageSizeAboveMax,
        BlingSandbox.AccessTokenAfterRefresh accessTokenAfterRefresh,
        BlingSandbox.TokenFormat tokenFormat,
        BlingSandbox.StoreLinkCategoryId storeLinkCategoryId,
        BlingSandbox.CategoryParentOnPut categoryParentOnPut,
        BlingSandbox.CustomFieldWithoutLink customFieldWithoutLink,
        BlingSandbox.ListOrder listOrder,
        BlingSandbox.UnknownQueryParameter unknownQueryParameter,
        int insertsDuringScan,
        Duration storeLinkVisibilityDelay,
        boolean unknownResponseProperties,
        boolean unknownEnumValues,
        boolean gtinValidation,
        BlingSandbox.VariationsLeftOutOnPatch variationsLeftOutOnPatch,
        java.util.Optional<java.nio.file.Path> secretsJournal,
        ListingRules listingRules) {

    /** An account to create at start. */
    record AccountSpec(String id, String name, String cnpj, String email) {
    }
}
