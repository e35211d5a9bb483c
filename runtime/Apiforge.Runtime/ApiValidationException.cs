using System;

namespace Apiforge.Runtime;

/// <summary>
/// An argument breaks a constraint of the API description (minLength, pattern, maximum, maxItems, …): thrown by the
/// generated client before anything is sent. <see cref="System.ArgumentException.ParamName"/> is the method parameter;
/// <see cref="Path"/> is where in it the bad value is (<c>$.display_names[2]</c> in a body, the wire name of a
/// parameter).
/// </summary>
public sealed class ApiValidationException : System.ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public ApiValidationException(string message, string parameterName, string path)
        : base(message, parameterName)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>Where the value breaking the constraint is: a JSON path in a body (<c>$.child.count</c>), else the parameter's wire name.</summary>
    public string Path { get; }
}
