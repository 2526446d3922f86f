package yardstick.ratings.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import yardstick.platform.grpc.Errors;
import yardstick.platform.grpc.Pages;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.FrameworkLibrary;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.GetFrameworkRequest;
import yardstick.ratings.v1.GetFrameworkResponse;
import yardstick.ratings.v1.ListFrameworksRequest;
import yardstick.ratings.v1.ListFrameworksResponse;

@Singleton
public class FrameworkEndpoint extends FrameworkServiceGrpc.FrameworkServiceImplBase {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 100;

    private final FrameworkLibrary library;

    FrameworkEndpoint(FrameworkLibrary library) {
        this.library = library;
    }

    @Override
    public void listFrameworks(ListFrameworksRequest request, StreamObserver<ListFrameworksResponse> response) {
        Pages.Page<Framework> page = Pages.page(
                library.all(), request.getPageSize(), request.getPageToken(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        ListFrameworksResponse.Builder answer = ListFrameworksResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(f -> answer.addFrameworks(FrameworkMessages.framework(f)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void getFramework(GetFrameworkRequest request, StreamObserver<GetFrameworkResponse> response) {
        String name = request.getName();
        if (!name.startsWith("frameworks/") || name.length() == "frameworks/".length()) {
            throw Errors.invalidArgument("name", "must be of the form frameworks/{framework}, for example frameworks/youth-2021");
        }
        Framework framework = library.find(name).orElseThrow(() -> Errors.notFound(name));
        response.onNext(GetFrameworkResponse.newBuilder().setFramework(FrameworkMessages.framework(framework)).build());
        response.onCompleted();
    }
}
