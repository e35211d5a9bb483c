#if !NET
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Apiforge.Runtime
{
    /// <summary>Gives <c>ArgumentNullException.ThrowIfNull</c> to the runtime's code on netstandard2.0.</summary>
    internal sealed class ArgumentNullException : System.ArgumentNullException
    {
        public ArgumentNullException(string? paramName)
            : base(paramName)
        {
        }

        public ArgumentNullException(string? paramName, string? message)
            : base(paramName, message)
        {
        }

        public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null) throw new System.ArgumentNullException(paramName);
        }
    }

    /// <summary>Gives <c>ArgumentException.ThrowIfNullOrEmpty</c> to the runtime's code on netstandard2.0.</summary>
    internal sealed class ArgumentException : System.ArgumentException
    {
        public ArgumentException(string? message)
            : base(message)
        {
        }

        public ArgumentException(string? message, string? paramName)
            : base(message, paramName)
        {
        }

        public static void ThrowIfNullOrEmpty([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null) throw new System.ArgumentNullException(paramName);
            if (argument.Length == 0) throw new System.ArgumentException("The value cannot be an empty string.", paramName);
        }
    }
}

namespace System.Runtime.CompilerServices
{
    /// <summary>Lets <c>ThrowIfNull</c> name the argument.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    internal sealed class CallerArgumentExpressionAttribute(string parameterName) : Attribute
    {
        public string ParameterName { get; } = parameterName;
    }
}
#endif
