namespace Apiforge.Generator.Model;

/// <summary>
/// GroupBy="Tag": one sub-client of the root client, for the operations whose first tag is <see cref="Tag"/>.
/// A property <see cref="PropertyName"/> on the root client returns the nested class <see cref="ClassName"/>,
/// typed as the interface <see cref="InterfaceName"/>.
/// </summary>
internal sealed record GroupSpec(string Tag, string PropertyName, string ClassName, string InterfaceName, EquatableArray<GroupMemberSpec> Members);

/// <summary>One operation of a group: its index in <see cref="ClientSpec.Operations"/> and its method names inside the group.</summary>
internal sealed record GroupMemberSpec(int OperationIndex, string MethodName, string ResponseMethodName, string? StreamMethodName);
