namespace EtcdNet;

/// <summary>How a transaction comparison relates the stored field to the given operand.</summary>
public enum CompareOp
{
    /// <summary>The field equals the operand.</summary>
    Equal = 0,
    /// <summary>The field is greater than the operand (values compare lexically, byte by byte).</summary>
    Greater = 1,
    /// <summary>The field is less than the operand.</summary>
    Less = 2,
    /// <summary>The field differs from the operand.</summary>
    NotEqual = 3,
}
