using System.Collections;
using System.Reflection;
using System.Text.Json;
using Apiforge.Runtime;

namespace Apiforge.Prism.Tests;

/// <summary>
/// Valid-looking values for a generated client's parameters, built by reflection from their types: primitives, the
/// first known value of an enum, one item in a list or map, models with their required members filled, a union's
/// first alternative.
/// </summary>
internal static class ArgumentFactory
{
    private const int MaxDepth = 6;

    public static object? Create(Type type, string name, int depth = 0)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Create(underlying, name, depth);
        if (type == typeof(string)) return StringFor(name);
        if (type == typeof(bool)) return true;
        if (type == typeof(int)) return 1;
        if (type == typeof(long)) return 1L;
        if (type == typeof(float)) return 1f;
        if (type == typeof(double)) return 1d;
        if (type == typeof(decimal)) return 1m;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        if (type == typeof(DateOnly)) return new DateOnly(2024, 1, 2);
        if (type == typeof(TimeOnly)) return new TimeOnly(3, 4, 5);
        if (type == typeof(TimeSpan)) return TimeSpan.FromMinutes(5);
        if (type == typeof(Guid)) return new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        if (type == typeof(Uri)) return new Uri("https://example.com/a");
        if (type == typeof(byte[])) return new byte[] { 1, 2, 3 };
        if (type == typeof(Stream)) return new MemoryStream([1, 2, 3]);
        if (type == typeof(JsonElement)) return JsonDocument.Parse("{}").RootElement.Clone();
        if (type == typeof(ApiFile)) return new ApiFile(new MemoryStream([1, 2, 3]), "a.png", "image/png");
        if (type == typeof(System.Net.Http.MultipartFormDataContent)) return new System.Net.Http.MultipartFormDataContent();
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) && type.GetGenericArguments()[0] == typeof(ApiFile))
        {
            return new List<ApiFile> { (ApiFile)Create(typeof(ApiFile), name, depth + 1)! };
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            if (depth < MaxDepth) list.Add(Create(type.GetGenericArguments()[0], name, depth + 1));
            return list;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var map = (IDictionary)Activator.CreateInstance(type)!;
            if (depth < MaxDepth) map.Add("key", Create(type.GetGenericArguments()[1], name, depth + 1));
            return map;
        }
        if (type.IsValueType)
        {
            // An extensible string enum: the first value it declares.
            var first = type.GetProperties(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(p => p.PropertyType == type);
            return first is not null ? first.GetValue(null) : Activator.CreateInstance(type);
        }
        return CreateObject(type, name, depth);
    }

    private static object? CreateObject(Type type, string name, int depth)
    {
        if (type.GetConstructor(Type.EmptyTypes) is { } parameterless)
        {
            var instance = parameterless.Invoke(null);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is null || !IsRequired(property)) continue;
                if (property.GetValue(instance) is { } preset && !IsDefault(preset)) continue;
                property.SetValue(instance, depth < MaxDepth ? Create(property.PropertyType, property.Name, depth + 1) : null);
            }
            return instance;
        }
        // A union: its first alternative.
        var constructor = type.GetConstructors().FirstOrDefault(c => c.GetParameters() is [var p] && p.ParameterType != typeof(JsonElement));
        if (constructor is null) return null;
        return constructor.Invoke([Create(constructor.GetParameters()[0].ParameterType, name, depth + 1)]);
    }

    /// <summary>A C# <c>required</c> member: the compiler marks it with RequiredMemberAttribute.</summary>
    private static bool IsRequired(PropertyInfo property)
        => property.GetCustomAttributesData().Any(a => a.AttributeType.Name == "RequiredMemberAttribute");

    private static bool IsDefault(object value) => value.GetType().IsValueType && value.Equals(Activator.CreateInstance(value.GetType()));

    /// <summary>A string that passes the common formats a name hints at.</summary>
    private static string StringFor(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.Contains("email", StringComparison.Ordinal)) return "a@example.com";
        if (lower.Contains("url", StringComparison.Ordinal) || lower.Contains("uri", StringComparison.Ordinal)) return "https://example.com/a";
        if (lower.Contains("sid", StringComparison.Ordinal)) return "XX" + new string('a', 32);
        if (lower.Contains("phone", StringComparison.Ordinal) || lower is "to" or "from") return "+15555550100";
        return "abc";
    }
}
