package io.github.camelazureavatar.avatar;

/** What a producer does with a job. The names are the values of the {@code operation} option. */
public enum AzureAvatarOperation {
    create,
    createAndWait,
    get,
    list,
    delete,
    downloadResult,
    downloadSummary
}
