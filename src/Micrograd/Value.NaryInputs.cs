using System.Collections.Generic;

namespace Micrograd;

public sealed partial class Value
{
    /// <summary>
    /// The inputs of a sum or dot-product node, kept out of line so that ordinary nodes stay small: the
    /// summands of a sum, or the two vectors of a dot product. The arrays are never
    /// changed once a node holds them, so nodes may share them. Whether an array holds any interior value is noted once, so that
    /// back-propagation need not scan arrays of leaves such as weights.
    /// </summary>
    private sealed class NaryInputs
    {
        public readonly Value[] Left;
        public readonly Value[]? Right;
        public readonly bool LeftHasInterior;
        public readonly bool RightHasInterior;

        public NaryInputs(Value[] left, bool leftHasInterior, Value[]? right = null, bool rightHasInterior = false)
        {
            Left = left;
            LeftHasInterior = leftHasInterior;
            Right = right;
            RightHasInterior = rightHasInterior;
        }

        /// <summary>Every input in operand order: left, then right.</summary>
        public IReadOnlyList<Value> All()
        {
            var all = new List<Value>(Left);
            if (Right is not null)
            {
                all.AddRange(Right);
            }

            return all.AsReadOnly();
        }
    }
}
