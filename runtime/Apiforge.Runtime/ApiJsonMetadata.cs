using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Apiforge.Runtime;

/// <summary>The entries of a generated JSON context, one short call each. Used by generated code.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiJsonMetadata
{
    /// <summary>The metadata of <typeparamref name="T"/> read and written by the generated delegates.</summary>
    public static JsonTypeInfo<T> Create<T>(JsonSerializerOptions options, JsonValueReader<T> read, JsonValueWriter<T> write)
        => JsonMetadataServices.CreateValueInfo<T>(options, new DelegateJsonConverter<T>(read, write));

    /// <summary>
    /// The metadata of <typeparamref name="T"/> that <paramref name="options"/> resolve, kept in
    /// <c>cache[index]</c> after the first call (a race only resolves it twice).
    /// </summary>
    public static JsonTypeInfo<T> Resolve<T>(JsonTypeInfo?[] cache, int index, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        return (JsonTypeInfo<T>)(cache[index] ??= options.GetTypeInfo(typeof(T)));
    }

    /// <summary>
    /// Metadata the context builds itself rather than resolving by runtime type (a value in a wire format that shares
    /// its runtime type with another format), kept in <c>cache[index]</c> after the first call.
    /// </summary>
    public static JsonTypeInfo<T> Own<T>(JsonTypeInfo?[] cache, int index, JsonSerializerOptions options, JsonValueReader<T> read, JsonValueWriter<T> write)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return (JsonTypeInfo<T>)(cache[index] ??= Create(options, read, write));
    }
}
