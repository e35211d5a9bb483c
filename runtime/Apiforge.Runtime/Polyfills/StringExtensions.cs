#if !NET
using System;
using System.Text;

namespace Apiforge.Runtime
{
    /// <summary>The string, span and encoding overloads of .NET Core 2.1+ that the runtime uses.</summary>
    internal static class StringExtensions
    {
        public static bool Contains(this string text, string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

        public static bool Contains(this string text, char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison) >= 0;

        public static bool Contains(this string text, char value) => text.IndexOf(value) >= 0;

        public static int IndexOf(this string text, char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison);

        public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

        public static bool EndsWith(this string text, char value) => text.Length > 0 && text[text.Length - 1] == value;

        public static string Replace(this string text, string oldValue, string? newValue, StringComparison comparison)
        {
            if (comparison != StringComparison.Ordinal) throw new NotSupportedException("Only ordinal replacement is polyfilled.");
            return text.Replace(oldValue, newValue);
        }

        public static unsafe string GetString(this Encoding encoding, ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty) return "";
            fixed (byte* pointer = bytes) return encoding.GetString(pointer, bytes.Length);
        }

        public static StringBuilder Append(this StringBuilder builder, ReadOnlySpan<char> value)
        {
            foreach (var c in value) builder.Append(c);
            return builder;
        }
    }
}
#endif
