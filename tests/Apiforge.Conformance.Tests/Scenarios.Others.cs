using Apiforge.Runtime;
using AutoRest.ExtensibleEnums;
using AutoRest.RequiredOptional;
using AutoRest.Validation;
using AutoRest.XmsErrors;
using Product = AutoRest.Validation.Product;

namespace Apiforge.Conformance.Tests;

public static partial class Scenarios
{
    private static async Task<byte[]> ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<long> CountBytes(Stream stream)
    {
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0) total += read;
        return total;
    }

    private static ScenarioTable Others() => new()
    {
        // required-optional: optional arguments left out are not sent; a null required one is refused before sending.
        { "reqopt.implicit.getRequiredPath", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.RequiredOptional.ImplicitGetRequiredPathAsync(null!)) },
        { "reqopt.implicit.putOptionalQuery", c => c.RequiredOptional.ImplicitPutOptionalQueryAsync(null) },
        { "reqopt.implicit.putOptionalHeader", c => c.RequiredOptional.ImplicitPutOptionalHeaderAsync(null) },
        { "reqopt.implicit.putOptionalBody", c => c.RequiredOptional.ImplicitPutOptionalBodyAsync(null) },
        { "reqopt.implicit.putOptionalBinaryBody", c => c.RequiredOptional.ImplicitPutOptionalBinaryBodyAsync(null) },
        { "reqopt.explicit.putOptionalBinaryBody", c => c.RequiredOptional.ExplicitPutOptionalBinaryBodyAsync(null) },
        { "reqopt.explicit.putRequiredBinaryBodySent", c => c.RequiredOptional.ExplicitPutRequiredBinaryBodyAsync(new MemoryStream([1, 2, 3])) },
        { "reqopt.explicit.putRequiredBinaryBody", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.RequiredOptional.ExplicitPutRequiredBinaryBodyAsync(null!)) },
        { "reqopt.explicit.postOptionalIntegerParameter", c => c.RequiredOptional.ExplicitPostOptionalIntegerParameterAsync(null) },
        { "reqopt.explicit.postOptionalIntegerProperty", c => c.RequiredOptional.ExplicitPostOptionalIntegerPropertyAsync(new IntOptionalWrapper()) },
        { "reqopt.explicit.postOptionalIntegerHeader", c => c.RequiredOptional.ExplicitPostOptionalIntegerHeaderAsync(null) },
        { "reqopt.explicit.postRequiredStringParameter", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.RequiredOptional.ExplicitPostRequiredStringParameterAsync(null!)) },
        { "reqopt.explicit.postOptionalStringParameter", c => c.RequiredOptional.ExplicitPostOptionalStringParameterAsync(null) },
        { "reqopt.explicit.postOptionalStringProperty", c => c.RequiredOptional.ExplicitPostOptionalStringPropertyAsync(new StringOptionalWrapper()) },
        { "reqopt.explicit.postRequiredStringHeader", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.RequiredOptional.ExplicitPostRequiredStringHeaderAsync(null!)) },
        { "reqopt.explicit.postOptionalStringHeader", c => c.RequiredOptional.ExplicitPostOptionalStringHeaderAsync(null) },
        { "reqopt.explicit.postRequiredClassParameter", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.RequiredOptional.ExplicitPostRequiredClassParameterAsync(null!)) },
        { "reqopt.explicit.postOptionalClassParameter", c => c.RequiredOptional.ExplicitPostOptionalClassParameterAsync(null) },
        { "reqopt.explicit.postOptionalClassProperty", c => c.RequiredOptional.ExplicitPostOptionalClassPropertyAsync(new ClassOptionalWrapper()) },
        { "reqopt.explicit.postRequiredArrayParameter", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.RequiredOptional.ExplicitPostRequiredArrayParameterAsync(null!)) },
        { "reqopt.explicit.postOptionalArrayParameter", c => c.RequiredOptional.ExplicitPostOptionalArrayParameterAsync(null) },
        { "reqopt.explicit.postOptionalArrayProperty", c => c.RequiredOptional.ExplicitPostOptionalArrayPropertyAsync(new ArrayOptionalWrapper()) },
        { "reqopt.explicit.postRequiredArrayHeader", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.RequiredOptional.ExplicitPostRequiredArrayHeaderAsync(null!)) },
        { "reqopt.explicit.postOptionalArrayHeader", c => c.RequiredOptional.ExplicitPostOptionalArrayHeaderAsync(null) },
        { "reqopt.implicit.getRequiredGlobalPath", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.RequiredOptional.ImplicitGetRequiredGlobalPathAsync(null!)) },
        { "reqopt.implicit.getRequiredGlobalQuery", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.RequiredOptional.ImplicitGetRequiredGlobalQueryAsync(null!)) },
        { "reqopt.implicit.getOptionalGlobalQuery", c => c.RequiredOptional.ImplicitGetOptionalGlobalQueryAsync(null) },

        // body-file: Swagger 2.0 'type: file' answers are streams (FileResponse), read as they arrive.
        { "files.getFile", async c => { await using var file = await c.Files.FilesGetFileAsync(); Assert.Equal(File.ReadAllBytes(AutoRestServer.PackageFile("legacy/routes/sample.png")), await ReadAll(file.Stream)); } },
        { "files.getFileLarge", async c => { await using var file = await c.Files.FilesGetFileLargeAsync(); Assert.Equal(3000L * 1024 * 1024, await CountBytes(file.Stream)); } },
        { "files.getEmptyFile", async c => { await using var file = await c.Files.FilesGetEmptyFileAsync(); Assert.Empty(await ReadAll(file.Stream)); } },

        // body-formdata: the server echoes the uploaded file.
        { "formdata.uploadFile", async c =>
            {
                await using var echoed = await c.FormData.FormdataUploadFileAsync(ApiFile.FromBytes("Test file"u8.ToArray(), "UploadFile.txt", "text/plain"), "UploadFile.txt");
                Assert.Equal("Test file"u8.ToArray(), await ReadAll(echoed.Stream));
            } },
        { "formdata.uploadFileViaBody", async c =>
            {
                await using var echoed = await c.FormData.FormdataUploadFileViaBodyAsync(new MemoryStream("Test file"u8.ToArray()));
                Assert.Equal("Test file"u8.ToArray(), await ReadAll(echoed.Stream));
            } },

        // extensible-enums-swagger
        { "enums.expected", async c => { var pet = await c.ExtensibleEnums.PetGetByPetIdAsync("tommy"); Assert.Equal((PetDaysOfWeek.Monday, PetIntEnum._1, true), (pet.DaysOfWeek, pet.IntEnum, pet.DaysOfWeek!.Value.IsKnown)); } },
        { "enums.unexpected", async c => { var pet = await c.ExtensibleEnums.PetGetByPetIdAsync("casper"); Assert.Equal(("Weekend", false), (pet.DaysOfWeek!.Value.ToString(), pet.DaysOfWeek.Value.IsKnown)); } },
        { "enums.allowedValue", async c => Assert.Equal("2.1", (await c.ExtensibleEnums.PetGetByPetIdAsync("scooby")).IntEnum.ToString()) },
        { "enums.roundTrip", async c =>
            {
                var pet = await c.ExtensibleEnums.PetAddPetAsync(new AutoRest.ExtensibleEnums.Pet { Name = "Retriever", IntEnum = PetIntEnum._3, DaysOfWeek = PetDaysOfWeek.Friday });
                Assert.Equal(("Retriever", PetIntEnum._3, PetDaysOfWeek.Friday), (pet.Name, pet.IntEnum, pet.DaysOfWeek));
            } },

        // xms-error-responses
        { "xmsErrors.expectedNoErrors", async c => Assert.Equal("Tommy Tomson", (await c.XmsErrors.PetGetPetByIdAsync("tommy"))?.Name) },
        { "xmsErrors.202NoBody", c => Expect.Value(c.XmsErrors.PetGetPetByIdAsync("django"), null) },
        { "xmsErrors.animalNotFound", async c => Assert.Equal("coyote", Assert.IsType<AnimalNotFound>(Assert.IsType<ApiException<NotFoundErrorBase>>(await Expect.Status(404, () => c.XmsErrors.PetGetPetByIdAsync("coyoteUgly"))).Error).Name) },
        { "xmsErrors.linkNotFound", async c => Assert.Equal("pet/yourpet was not found", Assert.IsType<LinkNotFound>(Assert.IsType<ApiException<NotFoundErrorBase>>(await Expect.Status(404, () => c.XmsErrors.PetGetPetByIdAsync("weirdAlYankovic"))).Error).WhatSubAddress) },
        { "xmsErrors.stringError", c => Expect.Status(400, () => c.XmsErrors.PetGetPetByIdAsync("ringo")) },
        { "xmsErrors.intError", c => Expect.Status(501, () => c.XmsErrors.PetGetPetByIdAsync("alien123")) },
        { "xmsErrors.unknownStatus", c => Expect.Status(402, () => c.XmsErrors.PetGetPetByIdAsync("unknown")) },
        { "xmsErrors.doSomethingSuccess", async c => Assert.Null((await c.XmsErrors.PetDoSomethingAsync("stay")).ActionResponse) },
        { "xmsErrors.petSad", async c => Assert.Equal("need more treats", Assert.IsType<PetSadError>(Assert.IsType<ApiException<PetActionError>>(await Expect.Status(500, () => c.XmsErrors.PetDoSomethingAsync("jump"))).Error).Reason) },
        { "xmsErrors.petHungry", async c => Assert.Equal("hungry and thirsty", Assert.IsType<PetHungryOrThirstyError>(Assert.IsType<ApiException<PetActionError>>(await Expect.Status(404, () => c.XmsErrors.PetDoSomethingAsync("fetch"))).Error).HungryOrThirsty) },
        { "xmsErrors.hasModelsParam", c => Expect.Status(500, () => c.XmsErrors.PetHasModelsParamAsync("value1")) },

        // validation: the constants the server checks (its constraint scenarios are client-side and not in /report).
        { "validation.constantInPath", c => c.Validation.GetWithConstantInPathAsync(ChildProductConstProperty.Constant) },
        { "validation.constantInBody", async c =>
            {
                var sent = new Product
                {
                    Child = new ChildProduct { ConstProperty = ChildProductConstProperty.Constant },
                    ConstChild = new ConstantProduct { ConstProperty = ChildProductConstProperty.Constant, ConstProperty2 = ConstantProductConstProperty2.Constant2 },
                    ConstInt = default,
                    ConstString = ChildProductConstProperty.Constant,
                };
                var echoed = await c.Validation.PostWithConstantInBodyAsync(ChildProductConstProperty.Constant, sent);
                Assert.Equal(ConstantProductConstProperty2.Constant2, echoed.ConstChild.ConstProperty2);
            } },
        { "validation.methodParameters.resourceGroupTooShort", c => Assert.ThrowsAnyAsync<ArgumentException>(() => c.Validation.ValidationOfMethodParametersAsync("abc123", "1", 100, "12.34.5")) },
        { "validation.methodParameters.idTooBig", c => Assert.ThrowsAnyAsync<ArgumentException>(() => c.Validation.ValidationOfMethodParametersAsync("abc123", "123", 1001, "12.34.5")) },
        { "validation.methodParameters.idNotMultipleOf10", c => Assert.ThrowsAnyAsync<ArgumentException>(() => c.Validation.ValidationOfMethodParametersAsync("abc123", "123", 105, "12.34.5")) },
        { "validation.methodParameters.resourceGroupPattern", c => Assert.ThrowsAnyAsync<ArgumentException>(() => c.Validation.ValidationOfMethodParametersAsync("abc123", "@#$%^&*", 100, "12.34.5")) },
        { "validation.body.capacityTooBig", c => Assert.ThrowsAnyAsync<ArgumentException>(() => c.Validation.ValidationOfBodyAsync("abc123", "123", 150, "12.34.5", new Product
            {
                Capacity = 1000, Child = new ChildProduct { ConstProperty = ChildProductConstProperty.Constant },
                ConstChild = new ConstantProduct { ConstProperty = ChildProductConstProperty.Constant, ConstProperty2 = ConstantProductConstProperty2.Constant2 },
                ConstInt = default, ConstString = ChildProductConstProperty.Constant,
            })) },
    };
}
